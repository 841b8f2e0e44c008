// What the bench and the cluster part's fleet process say to each other over IPC.

export type FleetRequest =
  /** Which controller address each device is connected to now. */
  | { type: 'where'; id: number }
  /** Tell me when every [serial, ssid] pair is applied on its device. */
  | { type: 'watch'; id: number; pairs: Array<[string, string]> };

export type FleetReply =
  | { type: 'started' }
  | { type: 'where'; id: number; targets: Array<[string, string | null]> }
  /** The watch is registered: a change sent now is seen. */
  | { type: 'watching'; id: number }
  /** Wall-clock ms at which the last pair of the watch was applied. */
  | { type: 'seen'; id: number; lastAt: number };
