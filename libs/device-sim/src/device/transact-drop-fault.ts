// The "drops mid-transaction" fault of a simulated device: the first N transacts from the
// controller that touch Wifi_VIF_Config lose the connection before their reply. Counted
// over the device's life (not per connection), so the device recovers after N drops and
// the controller's retry on the next connection goes through.
import { TransactFault, TransactFaultHook } from '../server/transact-fault';
import { DeviceBehaviour } from './device-profile';

const TABLE = 'Wifi_VIF_Config';

function touchesVifConfig(operations: readonly unknown[]): boolean {
  return operations.some((op) => op !== null && typeof op === 'object' && (op as { table?: unknown }).table === TABLE);
}

export class TransactDropFault {
  private remaining: number;

  constructor(
    private readonly behaviour: Pick<DeviceBehaviour, 'transactDrops' | 'transactDropMode'>,
    private readonly onFault: (fault: TransactFault) => void = () => undefined,
  ) {
    this.remaining = behaviour.transactDrops;
  }

  /** Faults injected so far. */
  get injected(): number {
    return this.behaviour.transactDrops - this.remaining;
  }

  readonly hook: TransactFaultHook = (_database, operations) => {
    if (this.remaining <= 0 || !touchesVifConfig(operations)) return undefined;
    this.remaining--;
    this.onFault(this.behaviour.transactDropMode);
    return this.behaviour.transactDropMode;
  };
}
