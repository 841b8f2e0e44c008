// Lists every root operation of the generated schema with the permission its resolver
// declares, read from the running app's providers, for the deny-by-default review table.

import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { Permission, PERMISSION_KEY, roleHasPermission } from '../../../src/common/auth/permission';
import { Role } from '../../../src/common/auth/principal';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

export interface OperationPermission {
  operation: string;
  permission: Permission | 'NONE DECLARED' | 'NO RESOLVER';
}

type Method = (...args: unknown[]) => unknown;

function declaredPermissions(app: INestApplication): Map<string, Permission | 'NONE DECLARED'> {
  const found = new Map<string, Permission | 'NONE DECLARED'>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null) continue;
      const prototype: object = Object.getPrototypeOf(instance);
      for (const key of Object.getOwnPropertyNames(prototype)) {
        // Descriptors, not property reads: some providers define getters that throw.
        const method: unknown = Object.getOwnPropertyDescriptor(prototype, key)?.value;
        if (typeof method !== 'function') continue;
        const kind: unknown = Reflect.getMetadata(RESOLVER_TYPE, method as Method);
        if (kind !== 'Query' && kind !== 'Mutation' && kind !== 'Subscription') continue;
        const name: unknown = Reflect.getMetadata(RESOLVER_NAME, method as Method);
        const permission: Permission | undefined =
          Reflect.getMetadata(PERMISSION_KEY, method as Method) ?? Reflect.getMetadata(PERMISSION_KEY, prototype.constructor);
        found.set(`${kind}.${typeof name === 'string' ? name : key}`, permission ?? 'NONE DECLARED');
      }
    }
  }
  return found;
}

export function operationPermissions(app: INestApplication): OperationPermission[] {
  const { schema } = app.get(GraphQLSchemaHost);
  const declared = declaredPermissions(app);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots
    .filter((root): root is GraphQLObjectType => root != null)
    .flatMap((root) =>
      Object.keys(root.getFields())
        .sort()
        .map((field) => {
          const operation = `${root.name}.${field}`;
          return { operation, permission: declared.get(operation) ?? 'NO RESOLVER' };
        }),
    );
}

/** One aligned line per operation: operation, permission, roles that pass. */
export function permissionTable(rows: OperationPermission[]): string {
  const width = Math.max(...rows.map((r) => r.operation.length));
  const permWidth = Math.max(...rows.map((r) => r.permission.length));
  return rows
    .map((r) => {
      const roles =
        r.permission in Permission
          ? r.permission === Permission.PUBLIC
            ? 'anyone'
            : Object.values(Role)
                .filter((role) => roleHasPermission(role, r.permission as Permission))
                .join(' ')
          : '-';
      return `${r.operation.padEnd(width)}  ${r.permission.padEnd(permWidth)}  ${roles}`;
    })
    .join('\n');
}
