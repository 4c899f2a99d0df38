import type { Issue } from '../../scoring/index.ts';

/** Something from a batch or an export that was not imported; its bytes are kept so nothing is lost. */
export interface KeptAside {
  readonly id?: string;
  readonly file?: string;
  readonly sealed?: Uint8Array<ArrayBuffer>;
  readonly issues: readonly Issue[];
}
