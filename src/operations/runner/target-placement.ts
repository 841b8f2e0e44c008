// Which operation targets this instance drives, when several instances share the database
// (src/cluster sets it; a single process drives every target). A target is driven by the
// instance holding its device's session, or, when no live instance holds it, by the one
// that will (its owner by rendezvous), so an offline node still waits and times out once.

export interface TargetPlacement {
  /** Of these serials, the ones this instance drives now. */
  drives(serials: readonly string[]): Promise<Set<string>>;
}

/** Change notices of the runner for the other instances. */
export interface OperationNotice {
  operationId: string;
  kind: 'started' | 'cancelled' | 'progress';
}
