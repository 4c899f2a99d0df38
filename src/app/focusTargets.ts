/** Ids of elements that receive focus when the page changes, shared by the page that moves focus and the one that owns them. */
export const previewButtonId = (def: { id: string; version: string }): string => `preview-${def.id}-${def.version}`;
export const PREVIEW_HEADING_ID = 'preview-heading';
export const RESULT_HEADING_ID = 'result-heading';
