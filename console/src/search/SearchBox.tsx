// The search on top of every page: customer name, email or accountId, node serial,
// location serviceId, client MAC. Results come as the agent types (debounced); arrow keys
// move, Enter opens, Escape clears, "/" anywhere focuses the box.

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { href } from '../app/router';
import { useDebounced } from '../ui/use-debounced';
import { moveHighlight, planSearch, SEARCH_DEBOUNCE_MS } from './classify';

const SearchCustomers = graphql(`
  query ConsoleSearchCustomers($search: String!) {
    customers(filter: { search: $search }, first: 8) {
      edges {
        node {
          id
          name
          email
          accountId
          status
        }
      }
    }
  }
`);

const SearchNodes = graphql(`
  query ConsoleSearchNodes($prefix: String!) {
    nodes(filter: { serialPrefix: $prefix }, first: 8) {
      edges {
        node {
          id
          serial
          model
          locationId
          location {
            name
          }
        }
      }
    }
  }
`);

const SearchServiceId = graphql(`
  query ConsoleSearchServiceId($serviceId: String!) {
    locationsByServiceId(serviceId: $serviceId) {
      id
      name
      serviceId
      customer {
        name
      }
    }
  }
`);

const SearchMac = graphql(`
  query ConsoleSearchMac($mac: String!) {
    clientsByMac(mac: $mac) {
      mac
      locationId
      nickname
      hostname
      connected
    }
  }
`);

export interface SearchResult {
  key: string;
  kind: 'Customer' | 'Node' | 'Location' | 'Client';
  title: string;
  detail: string;
  target: string;
}

export function SearchBox() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const plan = planSearch(useDebounced(text, SEARCH_DEBOUNCE_MS));

  const [customers] = useQuery({ query: SearchCustomers, variables: { search: plan.customers ?? '' }, pause: plan.customers === undefined });
  const [nodes] = useQuery({ query: SearchNodes, variables: { prefix: plan.serialPrefix ?? '' }, pause: plan.serialPrefix === undefined });
  const [locations] = useQuery({ query: SearchServiceId, variables: { serviceId: plan.serviceId ?? '' }, pause: plan.serviceId === undefined });
  const [clients] = useQuery({ query: SearchMac, variables: { mac: plan.mac ?? '' }, pause: plan.mac === undefined });

  const results = useMemo<SearchResult[]>(() => {
    if (plan.customers === undefined) return [];
    const out: SearchResult[] = [];
    for (const { node: c } of customers.data?.customers.edges ?? []) {
      out.push({ key: `c${c.id}`, kind: 'Customer', title: c.name, detail: [c.email, c.accountId, c.status === 'ACTIVE' ? undefined : c.status].filter(Boolean).join(' · '), target: href('/customers/:id', { id: c.id }) });
    }
    for (const l of plan.serviceId !== undefined ? (locations.data?.locationsByServiceId ?? []) : []) {
      out.push({ key: `l${l.id}`, kind: 'Location', title: l.name, detail: `serviceId ${l.serviceId ?? ''} · ${l.customer.name}`, target: href('/locations/:id', { id: l.id }) });
    }
    for (const { node: n } of plan.serialPrefix !== undefined ? (nodes.data?.nodes.edges ?? []) : []) {
      const target = n.locationId !== null && n.locationId !== undefined ? href('/locations/:id', { id: n.locationId }) : href('/nodes/:id', { id: n.id });
      out.push({ key: `n${n.id}`, kind: 'Node', title: n.serial, detail: [n.model, n.location?.name ?? 'unclaimed'].filter(Boolean).join(' · '), target });
    }
    for (const c of plan.mac !== undefined ? (clients.data?.clientsByMac ?? []) : []) {
      out.push({ key: `m${c.locationId}${c.mac}`, kind: 'Client', title: c.nickname ?? c.hostname ?? c.mac, detail: `${c.mac} · ${c.connected ? 'connected' : 'not connected'}`, target: href('/locations/:id/clients', { id: c.locationId }) });
    }
    return out;
  }, [plan.customers, plan.serviceId, plan.serialPrefix, plan.mac, customers.data, locations.data, nodes.data, clients.data]);

  const searching = customers.fetching || nodes.fetching || locations.fetching || clients.fetching;
  const listId = `${id}-results`;
  const expanded = open && text.trim().length >= 2;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (result: SearchResult | undefined): void => {
    if (result === undefined) return;
    window.location.hash = result.target.slice(1);
    setOpen(false);
    setText('');
    input.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setHighlight(moveHighlight(highlight, results.length, event.key));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(results[highlight >= 0 ? highlight : 0]);
    } else if (event.key === 'Escape') {
      setText('');
      setOpen(false);
    }
  };

  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search customers, serials, service ids, MAC addresses
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && highlight >= 0 ? `${id}-r${highlight}` : undefined}
        placeholder="Search: name, email, account, serial, service id, MAC  ( / )"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setHighlight(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="search-results" hidden={!expanded} aria-label="Search results">
        {results.map((r, i) => (
          <li
            key={r.key}
            id={`${id}-r${i}`}
            role="option"
            aria-selected={i === highlight}
            className={i === highlight ? 'highlight' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              go(r);
            }}
          >
            <span className="kind">{r.kind}</span>
            <span className="title">{r.title}</span>
            <span className="detail">{r.detail}</span>
          </li>
        ))}
        {results.length === 0 && (
          <li className="empty" role="presentation">
            {searching ? 'Searching…' : 'No match in your groups.'}
          </li>
        )}
      </ul>
    </div>
  );
}
