/** What the server tells the terminal (messages.ts words each code in zh-CN and en). */
export type ServerEventCode =
  | 'disk_full' | 'disk_ok' | 'write_failed' | 'file_unreadable' | 'upload_incomplete' | 'plan_unreadable'
  | 'request_failed' | 'plan_changed';

export interface ServerEvent {
  readonly code: ServerEventCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ServerLog = (event: ServerEvent) => void;
