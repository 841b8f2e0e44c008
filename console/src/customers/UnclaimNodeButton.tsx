// Unclaiming a node for an RMA: the reason is required and goes to the audit trail.

import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote } from '../ui/ui';

const Unclaim = graphql(`mutation ConsoleUnclaimNode($id: ID!, $reason: String!) { unclaimNode(id: $id, reason: $reason) { id locationId } }`);

export function UnclaimNodeButton({ nodeId, serial, locationName, onDone }: { nodeId: string; serial: string; locationName: string; onDone(): void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [{ fetching, error }, unclaim] = useMutation(Unclaim);
  const id = useId();
  const confirm = async (): Promise<void> => {
    if (reason.trim() === '') return;
    const result = await unclaim({ id: nodeId, reason: reason.trim() });
    if (result.error === undefined) {
      setOpen(false);
      setReason('');
      onDone();
    }
  };
  return (
    <>
      <button type="button" className="small" onClick={() => setOpen(true)} aria-label={`Unclaim ${serial} (RMA)`}>
        Unclaim (RMA)
      </button>
      {open && (
        <ConfirmDialog title={`Unclaim ${serial}?`} confirmLabel="Unclaim" danger busy={fetching || reason.trim() === ''} onCancel={() => setOpen(false)} onConfirm={() => void confirm()}>
          <p>
            The node leaves {locationName}: the controller stops configuring it and it can be claimed again elsewhere (for example its replacement
            after an RMA).
          </p>
          <label htmlFor={`${id}-reason`}>Reason (kept in the audit log)</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} required />
          <ErrorNote error={error} />
        </ConfirmDialog>
      )}
    </>
  );
}
