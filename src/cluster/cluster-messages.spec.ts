import type { ClientEvent } from '../clients/live/client-event';
import { decodeStatuses, encodeStatuses, parseClientsMessage, parseEventsMessage, parseInvalidationsMessage, parseOperationsMessage, parseStatusMessage } from './cluster-messages';

describe('cluster messages', () => {
  it('carry convergence results with OVSDB maps and dates through JSON', () => {
    const statuses = [
      {
        networkId: 'n1',
        status: 'FAILED' as const,
        mismatches: [{ ifName: 'home-ap-24', reason: 'CONFIG_DIFFERS', column: 'security', config: new Map([['encryption', 'WPA-PSK']]), desired: new Map([['encryption', 'OPEN']]) }],
        failsAt: new Date('2026-01-01T00:00:00Z'),
      },
      { networkId: 'n2', status: 'APPLIED' as const, mismatches: [], version: 1767225600123 },
    ];
    const wire = JSON.parse(JSON.stringify(encodeStatuses(statuses))) as unknown;
    expect(decodeStatuses(wire)).toEqual(statuses);
    expect(decodeStatuses(encodeStatuses('offline'))).toBe('offline');
  });

  it('refuse malformed messages', () => {
    expect(() => parseEventsMessage({ from: 'a', events: [{ type: 'dropped-tables', locationId: 'l' }] })).toThrow(/malformed/);
    expect(() => parseEventsMessage({ from: 'a', events: [{ type: 'location-changed', locationId: 'l', nodeIds: [1] }] })).toThrow(/nodeIds/);
    expect(() => parseEventsMessage({ from: 'a', events: [{ type: 'wifi-network-changed', locationId: 'l', caches: ['everything'] }] })).toThrow(/caches/);
    expect(() => parseStatusMessage({ from: 'a', nodeId: 3 })).toThrow(/status message/);
    expect(() => decodeStatuses([{ networkId: 'n' }])).toThrow(/malformed/);
  });

  it('keep valid domain events as they were sent', () => {
    const message = {
      from: 'a',
      events: [
        { type: 'node-claimed', locationId: 'l', nodeIds: ['x'] },
        { type: 'wifi-network-changed', locationId: 'l' },
        // A key pool's networks changed on the sender: every instance drops its pool index.
        { type: 'wifi-network-changed', locationId: 'l', caches: ['key-pools', 'mac-lists'] },
        // A client renamed on the sender: every instance reloads the location's nicknames.
        { type: 'location-changed', locationId: 'l', caches: ['client-nicknames'] },
      ],
    };
    expect(parseEventsMessage(message)).toEqual(message);
  });

  it('keep operation notices and refuse unknown kinds', () => {
    const message = { from: 'a', notices: [{ operationId: 'o1', kind: 'started' }, { operationId: 'o1', kind: 'progress' }, { operationId: 'o2', kind: 'cancelled' }] };
    expect(parseOperationsMessage(message)).toEqual(message);
    expect(() => parseOperationsMessage({ from: 'a', notices: [{ operationId: 'o1', kind: 'reboot-now' }] })).toThrow(/malformed operation notice/);
    expect(() => parseOperationsMessage({ from: 'a', notices: 'o1' })).toThrow(/operations message/);
  });

  it('carry client connects and disconnects through JSON, dates included, and refuse malformed ones', () => {
    const event: ClientEvent = {
      kind: 'connected',
      nodeId: 'n1',
      serial: 'S1',
      locationId: 'l1',
      groupId: 'g1',
      mac: '02:00:00:00:00:01',
      ifName: 'home-ap-24',
      keyId: null,
      networkId: 'w1',
      band: '2.4G',
      at: new Date('2026-01-01T00:00:00.123Z'),
    };
    const wire = JSON.parse(JSON.stringify({ from: 'a', events: [event, { ...event, kind: 'disconnected', locationId: null, groupId: null }] })) as unknown;
    expect(parseClientsMessage(wire)).toEqual({ from: 'a', events: [event, { ...event, kind: 'disconnected', locationId: null, groupId: null }] });
    expect(() => parseClientsMessage({ from: 'a', events: [{ ...event, kind: 'roamed' }] })).toThrow(/malformed client event/);
    expect(() => parseClientsMessage({ from: 'a', events: [{ ...event, mac: 7 }] })).toThrow(/malformed client event/);
    expect(() => parseClientsMessage({ from: 'a', events: [{ ...event, band: 5 }] })).toThrow(/malformed client event/);
    expect(() => parseClientsMessage({ from: 'a', events: [{ ...event, at: 'yesterday' }] })).toThrow(/time/);
    expect(() => parseClientsMessage({ from: 'a', events: {} })).toThrow(/clients message/);
  });

  it('keep cache invalidations (telemetry settings of a group, an EBL provider, its registrations) and refuse malformed ones', () => {
    const message = {
      from: 'a',
      invalidations: [
        { cache: 'telemetry-settings', groupId: 'g1' },
        { cache: 'ebl-provider', apiClientId: 'c1' },
        { cache: 'ebl-registrations', apiClientId: 'c1', macs: ['02:00:00:00:00:01'], vendorIds: [] },
      ],
    };
    expect(parseInvalidationsMessage(JSON.parse(JSON.stringify(message)))).toEqual(message);
    expect(() => parseInvalidationsMessage({ from: 'a', invalidations: [{ cache: 'everything' }] })).toThrow(/malformed invalidation/);
    expect(() => parseInvalidationsMessage({ from: 'a', invalidations: [{ cache: 'telemetry-settings', apiClientId: 'c1' }] })).toThrow(/malformed invalidation/);
    expect(() => parseInvalidationsMessage({ from: 'a', invalidations: [{ cache: 'ebl-provider', apiClientId: 7 }] })).toThrow(/malformed invalidation/);
    expect(() => parseInvalidationsMessage({ from: 'a', invalidations: [{ cache: 'ebl-registrations', apiClientId: 'c1', macs: [1], vendorIds: [] }] })).toThrow(/malformed invalidation/);
    expect(() => parseInvalidationsMessage({ from: 'a' })).toThrow(/invalidations message/);
  });
});
