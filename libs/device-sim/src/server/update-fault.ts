// A fault a simulated device can inject into its RFC 7047 s4.1.6 update notifications: after
// a genuine one, an extra notification the client's replica cannot apply (a "modify" of a
// row that never existed), as a server that lost or reordered an update would send. What a
// controller must do then is resync its monitor, not drop the session.
import type { MonitorKind } from '../engine/monitor';

/**
 * Asked after each update notification a monitor sends; returns the <table-updates> or
 * <table-updates2> of an extra notification for the same monitor, or undefined for none.
 */
export type UpdateFaultHook = (database: string, kind: MonitorKind, update: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined;
