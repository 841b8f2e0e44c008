// A pool's scratch-card batches: how many cards are unused, in use, ended; admins create a
// batch (issued to the property's customer account), download its CSV, extend it (a new
// period from each card's first use) or invalidate it (every card revoked). Support reads.

import { useState } from 'react';
import { CreateBatchForm } from './CreateBatchForm';
import { BatchRow, type BatchView } from './BatchRow';

export function ScratchCards({ poolId, groupId, batches, editable, onChanged }: { poolId: string; groupId: string; batches: readonly BatchView[]; editable: boolean; onChanged(): void }) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="section-head">
        <h2>Scratch cards</h2>
        {editable && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New batch
          </button>
        )}
      </div>
      {creating && (
        <CreateBatchForm
          poolId={poolId}
          groupId={groupId}
          onDone={(created) => {
            setCreating(false);
            if (created) onChanged();
          }}
        />
      )}
      <div className="table-wrap">
        <table aria-label="Scratch card batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Cards</th>
              <th scope="col">Each works</th>
              <th scope="col">Created</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <BatchRow key={b.id} batch={b} editable={editable} onChanged={onChanged} />
            ))}
            {batches.length === 0 && (
              <tr>
                <td colSpan={editable ? 5 : 4}>No scratch card batch in this pool.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
