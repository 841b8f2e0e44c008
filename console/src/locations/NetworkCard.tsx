// One network: settings, passphrase (admins: hidden until shown; support: never sent), and
// convergence per node, following wifiNetworkStatusChanged while the page is open.

import { useState } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import { Badge } from '../ui/ui';
import { convergenceTone, CONVERGENCE_WORDS, describeMismatch, type Convergence, type Mismatch } from './convergence';
import { NetworkForm } from './NetworkForm';
import { formValuesOf, type NetworkLike } from './network-form';

const StatusSubscription = graphql(`
  subscription ConsoleNetworkStatus($networkId: ID!) {
    wifiNetworkStatusChanged(networkId: $networkId) {
      ...ConsoleNetworkStatusFields
    }
  }
`);

interface Status {
  overall: Convergence;
  nodes: readonly { nodeId: string; serial: string; status: Convergence; mismatches: readonly Mismatch[] }[];
}

export interface NetworkView extends NetworkLike {
  id: string;
  passphrase?: string | null;
  status: Status;
}

const SECURITY_WORDS: Record<string, string> = { OPEN: 'open', WPA2_PSK: 'WPA2', WPA2_WPA3: 'WPA2/WPA3', WPA3_SAE: 'WPA3' };
const BAND_WORDS: Record<string, string> = { BAND_2_4G: '2.4 GHz', BAND_5G: '5 GHz', BAND_6G: '6 GHz' };

export function NetworkCard({ network, editable, onChanged }: { network: NetworkView; editable: boolean; onChanged(): void }) {
  const [live] = useSubscription({ query: StatusSubscription, variables: { networkId: network.id } });
  const [editing, setEditing] = useState(false);
  const [showKey, setShowKey] = useState(false);
  const status: Status = live.data?.wifiNetworkStatusChanged ?? network.status;
  return (
    <li className="card network" data-network-id={network.id} data-ssid={network.ssid}>
      <div className="section-head">
        <h3>
          {network.ssid} <span className="muted">{network.kind.toLowerCase()}</span>
        </h3>
        <span className="overall" data-status={status.overall}>
          <Badge tone={convergenceTone(status.overall)}>{CONVERGENCE_WORDS[status.overall]}</Badge>
        </span>
      </div>
      <dl className="facts compact">
        <div>
          <dt>Security</dt>
          <dd>{SECURITY_WORDS[network.securityMode] ?? network.securityMode}</dd>
        </div>
        <div>
          <dt>Passphrase</dt>
          <dd className="passphrase">
            {network.securityMode === 'OPEN' ? (
              '—'
            ) : network.passphrase == null ? (
              <span className="muted">hidden</span>
            ) : (
              <>
                <code>{showKey ? network.passphrase : '••••••••'}</code>{' '}
                <button type="button" className="small" aria-pressed={showKey} onClick={() => setShowKey(!showKey)}>
                  {showKey ? 'Hide' : 'Show'}
                </button>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Bands</dt>
          <dd>{network.bands.map((b) => BAND_WORDS[b] ?? b).join(', ')}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            {network.enabled ? 'on' : 'off'}
            {network.hidden ? ', hidden SSID' : ''}
            {network.clientIsolation ? ', clients isolated' : ''}
            {network.vlanId != null ? `, VLAN ${network.vlanId}` : ''}
          </dd>
        </div>
      </dl>
      <table className="convergence">
        <caption className="visually-hidden">Convergence of {network.ssid} per node</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {status.nodes.map((n) => (
            <tr key={n.nodeId} data-serial={n.serial} data-status={n.status}>
              <th scope="row">
                <code>{n.serial}</code>
              </th>
              <td>
                <Badge tone={convergenceTone(n.status)}>{CONVERGENCE_WORDS[n.status]}</Badge>
                {n.status === 'FAILED' ? (
                  <ul className="reasons">
                    {n.mismatches.map((m, i) => (
                      <li key={i}>{describeMismatch(m)}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
          {status.nodes.length === 0 && (
            <tr>
              <td colSpan={2} className="muted">
                No node at this location.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {editable && !editing && (
        <button type="button" onClick={() => setEditing(true)} aria-label={`Edit ${network.ssid}`}>
          Edit
        </button>
      )}
      {editing && (
        <NetworkForm
          networkId={network.id}
          before={network}
          initial={formValuesOf(network)}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
}
