import { href } from '../app/router';
import { Badge, formatTime } from '../ui/ui';

export interface NodeRow {
  id: string;
  serial: string;
  model?: string | null;
  firmwareVersion?: string | null;
  connected: boolean;
  connectedSince?: string | null;
  lastSeenAt?: string | null;
}

export function NodesTable({ nodes }: { nodes: readonly NodeRow[] }) {
  if (nodes.length === 0) return <p>No node is claimed to this location.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Serial</th>
            <th scope="col">State</th>
            <th scope="col">Model</th>
            <th scope="col">Firmware</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id} data-serial={n.serial}>
              <th scope="row">
                <a href={href('/nodes/:id', { id: n.id })}>
                  <code>{n.serial}</code>
                </a>
              </th>
              <td>
                <Badge tone={n.connected ? 'ok' : 'muted'}>{n.connected ? 'online' : 'offline'}</Badge>{' '}
                <span className="muted">{n.connected ? `since ${formatTime(n.connectedSince)}` : n.lastSeenAt != null ? `since ${formatTime(n.lastSeenAt)}` : 'never connected'}</span>
              </td>
              <td>{n.model ?? '—'}</td>
              <td>{n.firmwareVersion ?? '—'}</td>
              <td>{formatTime(n.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
