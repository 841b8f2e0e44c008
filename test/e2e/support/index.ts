// The e2e harness: boot the real app per database, talk GraphQL over HTTP, one helper per role.

export * from './describe-each-database';
export * from './gql';
export * from './roles';
export * from './test-app';
export * from './test-database';
