// The OAuth scopes the authorization server knows: name, plain-words description (shown on
// the consent page), whether it is sensitive (regulated data: it needs a justification at
// registration and a platform admin's approval), and the scopes it implies. Modules add
// their own with OAuthScopes.register at load time; the CPE Management scopes are below,
// exactly as that API's Scopes table (inheritance included).

export interface OAuthScopeDefinition {
  name: string;
  /** Plain words for the consent page and the API documentation. */
  description: string;
  /** Regulated information: granted only to clients a platform admin approved for it. */
  sensitive: boolean;
  /** Scopes that holding this one implies (the spec's "Inherits" column). */
  inherits?: readonly string[];
}

const SCOPE_NAME = /^[a-z][a-z0-9-]{0,99}$/;

export class OAuthScopeRegistry {
  private readonly scopes = new Map<string, OAuthScopeDefinition>();

  /** Adds a scope. Registering the same definition again is a no-op; a different one is an error. */
  register(definition: OAuthScopeDefinition): void {
    if (!SCOPE_NAME.test(definition.name)) throw new Error(`invalid OAuth scope name: ${definition.name}`);
    const normalised = { name: definition.name, description: definition.description, sensitive: definition.sensitive, inherits: [...(definition.inherits ?? [])] };
    const existing = this.scopes.get(definition.name);
    if (existing !== undefined) {
      if (JSON.stringify(existing) !== JSON.stringify(normalised)) throw new Error(`OAuth scope ${definition.name} is already registered differently`);
      return;
    }
    this.scopes.set(definition.name, normalised);
  }

  has(name: string): boolean {
    return this.scopes.has(name);
  }

  get(name: string): OAuthScopeDefinition | undefined {
    return this.scopes.get(name);
  }

  all(): OAuthScopeDefinition[] {
    return [...this.scopes.values()];
  }

  names(): string[] {
    return [...this.scopes.keys()];
  }

  isSensitive(name: string): boolean {
    return this.scopes.get(name)?.sensitive ?? false;
  }

  /** The scopes plus everything they imply, transitively; unknown names are dropped. */
  expand(names: Iterable<string>): Set<string> {
    const result = new Set<string>();
    const pending = [...names];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      const definition = this.scopes.get(name);
      if (definition === undefined || result.has(name)) continue;
      result.add(name);
      pending.push(...(definition.inherits ?? []));
    }
    return result;
  }
}

/** The process-wide registry. */
export const OAuthScopes = new OAuthScopeRegistry();

/** The CPE Management API's scopes (its "Scopes" table; the one typo of its last row corrected). */
export const CPE_SCOPES = {
  SITES_READ: 'cpe-management-service-sites-read',
  SITES_LOCATION_READ: 'cpe-management-service-sites-location-read',
  DEVICES_READ: 'cpe-management-devices-read',
  DEVICES_HW_READ: 'cpe-management-devices-hardware-address-read',
  DEVICES_WRITE: 'cpe-management-devices-write',
  NETWORKS_READ: 'cpe-management-isolated-networks-read',
  NETWORKS_WRITE: 'cpe-management-isolated-networks-write',
  PRIMARY_READ: 'cpe-management-isolated-networks-primary-read',
  PRIMARY_WRITE: 'cpe-management-isolated-networks-primary-write',
  AUXILIARY_READ: 'cpe-management-isolated-networks-auxiliary-read',
  AUXILIARY_WRITE: 'cpe-management-isolated-networks-auxiliary-write',
  REBOOTS_READ: 'cpe-management-reboot-requests-read',
  REBOOTS_WRITE: 'cpe-management-reboot-requests-write',
} as const;

const S = CPE_SCOPES;
const CPE_DEFINITIONS: OAuthScopeDefinition[] = [
  { name: S.SITES_READ, description: "List the service owner's service sites", sensitive: false },
  { name: S.SITES_LOCATION_READ, description: "Read a service site's physical location (address and coordinates)", sensitive: true, inherits: [S.SITES_READ] },
  { name: S.DEVICES_READ, description: "List the service owner's devices", sensitive: false },
  { name: S.DEVICES_HW_READ, description: "Read the hardware (MAC) address of the service owner's devices", sensitive: true, inherits: [S.DEVICES_READ] },
  { name: S.DEVICES_WRITE, description: "Change which networks are configured on the service owner's devices", sensitive: false, inherits: [S.DEVICES_READ] },
  { name: S.NETWORKS_READ, description: "List the service owner's networks created by this application", sensitive: false },
  { name: S.NETWORKS_WRITE, description: "Create or change the service owner's networks created by this application", sensitive: false, inherits: [S.NETWORKS_READ] },
  { name: S.PRIMARY_READ, description: "See the service owner's primary (main) WiFi network", sensitive: false },
  { name: S.PRIMARY_WRITE, description: "Change the service owner's primary (main) WiFi network", sensitive: false, inherits: [S.PRIMARY_READ] },
  { name: S.AUXILIARY_READ, description: "List the service owner's guest and IoT networks", sensitive: false, inherits: [S.NETWORKS_READ] },
  { name: S.AUXILIARY_WRITE, description: "Create or change the service owner's guest and IoT networks", sensitive: false, inherits: [S.AUXILIARY_READ, S.NETWORKS_WRITE] },
  { name: S.REBOOTS_READ, description: "List the reboot requests this application created", sensitive: false },
  { name: S.REBOOTS_WRITE, description: "Reboot the service owner's devices (create or change this application's reboot requests)", sensitive: false, inherits: [S.REBOOTS_READ] },
];
for (const definition of CPE_DEFINITIONS) OAuthScopes.register(definition);
