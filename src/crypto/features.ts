/** What a page lacks outside a secure context (a lab PC opening the kiosk over plain http). */
export type MissingFeature =
  /** No `crypto.subtle`: the pure-JS backend does the same work, only slower. */
  | 'web-crypto'
  /** No service worker: the page works while open, but a reload needs the server. */
  | 'offline-after-reload'
  /** No File System Access API: sealed copies cannot go to a shared folder. */
  | 'shared-folder';

export interface SecureContextReport {
  readonly secureContext: boolean;
  readonly missing: readonly MissingFeature[];
}

/** The parts of `globalThis` the report looks at, so a test can pass any combination. */
export interface FeatureEnvironment {
  readonly isSecureContext?: boolean;
  readonly crypto?: { readonly subtle?: unknown };
  readonly navigator?: { readonly serviceWorker?: unknown };
  readonly showDirectoryPicker?: unknown;
}

/** A pure report for the UI to say what will not work here, instead of failing silently later. */
export function secureContextFeatures(env: FeatureEnvironment = globalThis): SecureContextReport {
  const missing: MissingFeature[] = [];
  if (env.crypto?.subtle === undefined) missing.push('web-crypto');
  if (env.navigator?.serviceWorker === undefined) missing.push('offline-after-reload');
  if (typeof env.showDirectoryPicker !== 'function') missing.push('shared-folder');
  return { secureContext: env.isSecureContext === true, missing };
}
