// Imported first by a spec that must build the app as production does: the GraphQL
// options read NODE_ENV when the application module is loaded. Jest gives each spec file
// its own copy of process.env, so no other spec sees this.

process.env.NODE_ENV = 'production';
delete process.env.GRAPHQL_INTROSPECTION;
