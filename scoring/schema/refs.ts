import { z } from 'zod';

export const ZPinnedRef = z.string().regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+#[0-9a-f]{64}$/, { error: 'bad_pinned_ref' });
export const ZVersionRef = z.string().regex(/^[a-z][a-z0-9-]*@\d+\.\d+\.\d+$/, { error: 'bad_version_ref' });
