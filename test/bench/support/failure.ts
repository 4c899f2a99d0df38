/** Thrown by a bench when its correctness check fails; the runner reports it and exits non-zero. */
export class BenchFailure extends Error {
  override readonly name = 'BenchFailure';
}
