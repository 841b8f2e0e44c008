// The validated configuration every module reads through the APP_CONFIG token.
// Built once at start-up from the environment (see load-config.ts and docs/configuration.md).

import type { HomeApiConfig } from '../apis/home-api/home-api-config';
import type { ClusterConfig } from '../cluster/cluster-config';
import type { OAuthConfig } from '../oauth/oauth-config';

export interface OvsdbConfig {
  /** One or more listen specs separated by commas or spaces: tcp:, ssl:, ws:, wss:. */
  listen: string;
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsCaFile?: string;
  maxSessions: number;
  acceptPerSecond: number;
  probeIntervalMs: number;
  maxMessageBytes: number;
  /** tcp: and ws: listeners on other than loopback addresses (no authentication of devices). */
  allowRemoteTcp: boolean;
  /** A device must be identified within this, from connect (docs/decisions/device-port-security.md). */
  handshakeTimeoutMs: number;
  /** Sessions not yet identified, in total and per source address. */
  maxUnidentified: number;
  maxUnidentifiedPerAddress: number;
  /** New unclaimed node rows recorded for unknown serials per minute, and in total. */
  unknownSerialsPerMinute: number;
  maxUnclaimedNodes: number;
}

export interface AppConfig {
  httpPort: number;
  /** HTTP_HOST: the address the API binds; unset binds every interface (`::`, or 0.0.0.0 without IPv6). */
  httpHost?: string;
  /** GRAPHQL_INTROSPECTION: unset follows NODE_ENV (off in production); see common/graphql/query-limits.ts. */
  graphqlIntrospection?: boolean;
  /** `sqlite:<file>`, a plain file path, `sqlite::memory:`, or `postgres://...`. */
  databaseUrl: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  adminEmail?: string;
  adminPassword?: string;
  ovsdb: OvsdbConfig;
  /** Serve the GraphiQL explorer at /graphiql (GRAPHIQL; default: on unless NODE_ENV=production). */
  graphiql: boolean;
  /** The @Home API 2.0 provisioning gateway; undefined when HOME_API_LISTEN is unset. */
  homeApi?: HomeApiConfig;
  /** The OAuth 2.0 authorization server for the REST APIs (src/oauth, docs/oauth.md). */
  oauth: OAuthConfig;
  /** How long SIGTERM waits for in-flight device transactions before closing sessions. */
  shutdownTimeoutMs: number;
  /** Several instances on PostgreSQL and NATS; undefined (one process) unless CLUSTER_NATS_URL is set. */
  cluster?: ClusterConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
