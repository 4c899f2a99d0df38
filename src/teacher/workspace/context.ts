/**
 * The side effects a workspace change needs, passed in so the domain stays pure and testable:
 * the clock, fresh ids, and who is acting (the name on the unlocked key's session).
 */
export interface ChangeContext {
  readonly now: () => string;
  readonly newId: () => string;
  readonly by: string;
}
