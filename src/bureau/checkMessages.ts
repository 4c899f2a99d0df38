import type { Aggregate, Outcome } from '../../scoring/index.ts';

/** To the check worker: files to read and check, in order. */
export interface CheckRequest {
  readonly batch: number;
  readonly files: readonly { readonly id: string; readonly name: string; readonly text: string }[];
}

/** From the check worker: each file's outcome, in the order asked. */
export interface CheckReply {
  readonly batch: number;
  readonly outcomes: readonly Outcome<Aggregate>[];
}
