// Starting a reboot, a log pull or a firmware change on chosen nodes, confirmed first.

import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote } from '../ui/ui';

const Reboot = graphql(`mutation ConsoleReboot($input: CreateRebootInput!) { createRebootOperation(input: $input) { id } }`);
const LogPull = graphql(`mutation ConsoleLogPull($input: CreateRebootInput!) { createLogPullOperation(input: $input) { id } }`);
const FirmwareImages = graphql(`
  query ConsoleFirmwareImages($model: String) {
    firmwareImages(model: $model) {
      id
      version
      model
      notes
    }
  }
`);
const Firmware = graphql(`mutation ConsoleFirmware($input: CreateFirmwareUpgradeInput!) { createFirmwareOperation(input: $input) { id } }`);

type Kind = 'reboot' | 'logs' | 'firmware';

const TEXT: Record<Kind, { label: string; consequence: string }> = {
  reboot: { label: 'Reboot', consequence: 'The node restarts: its clients lose WiFi for a few minutes.' },
  logs: { label: 'Pull logs', consequence: 'The node uploads its logs to the controller; the archive can then be downloaded from the operation.' },
  firmware: { label: 'Change firmware', consequence: 'The node installs the chosen catalogue version and restarts: its clients lose WiFi for several minutes.' },
};

export function StartOperation({ nodeIds, what, model }: { nodeIds: string[]; what: string; model?: string | null }) {
  const [pending, setPending] = useState<Kind | undefined>();
  const [images] = useQuery({ query: FirmwareImages, variables: { model: model ?? undefined }, pause: pending !== 'firmware' });
  const [version, setVersion] = useState('');
  const [reboot, doReboot] = useMutation(Reboot);
  const [logs, doLogs] = useMutation(LogPull);
  const [firmware, doFirmware] = useMutation(Firmware);
  const id = useId();
  const start = async (kind: Kind): Promise<void> => {
    const targets = { nodeIds };
    const result = kind === 'reboot' ? await doReboot({ input: { targets } }) : kind === 'logs' ? await doLogs({ input: { targets } }) : await doFirmware({ input: { targets, firmwareVersion: version.trim() } });
    setPending(undefined);
    const data = result.data as Record<string, { id: string }> | undefined;
    const created = data !== undefined ? Object.values(data)[0] : undefined;
    if (created !== undefined) window.location.hash = href('/operations/:id', { id: created.id }).slice(1);
  };
  const error = reboot.error ?? logs.error ?? firmware.error;
  return (
    <div className="actions" role="group" aria-label="Operations">
      <button type="button" onClick={() => setPending('reboot')}>
        Reboot
      </button>
      <button type="button" onClick={() => setPending('logs')}>
        Pull logs
      </button>
      <button type="button" onClick={() => setPending('firmware')}>
        Change firmware…
      </button>
      <ErrorNote error={error} />
      {pending !== undefined && (
        <ConfirmDialog
          title={`${TEXT[pending].label}: ${what}?`}
          confirmLabel={TEXT[pending].label}
          danger={pending !== 'logs'}
          busy={reboot.fetching || logs.fetching || firmware.fetching || (pending === 'firmware' && version.trim() === '')}
          onCancel={() => setPending(undefined)}
          onConfirm={() => void start(pending)}
        >
          <p>{TEXT[pending].consequence}</p>
          {pending === 'firmware' && (
            <>
              <label htmlFor={`${id}-version`}>Firmware version (from the catalogue{model != null ? ` for ${model}` : ''})</label>
              <select id={`${id}-version`} value={version} onChange={(e) => setVersion(e.target.value)}>
                <option value="">Choose a version</option>
                {(images.data?.firmwareImages ?? []).map((image) => (
                  <option key={image.id} value={image.version}>
                    {image.version}
                    {image.notes != null ? ` — ${image.notes}` : ''}
                  </option>
                ))}
              </select>
              {images.data !== undefined && images.data.firmwareImages.length === 0 && <p className="muted">The catalogue has no image for this model.</p>}
              <ErrorNote error={images.error} />
            </>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
