// RFC 7047 says nothing of logging; this is the library's narrow logging seam. Nest's Logger
// satisfies it, and the library stays free of any framework.

export interface OvsdbLogger {
  log(message: string): void;
  warn(message: string): void;
  debug?(message: string): void;
}

/** For callers that do not want library logs (the default). */
export const SILENT_LOGGER: OvsdbLogger = {
  log: () => undefined,
  warn: () => undefined,
};
