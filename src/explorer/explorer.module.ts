// The GraphiQL explorer (docs/configuration.md, GRAPHIQL).

import { Module } from '@nestjs/common';
import { GraphiqlRoutes } from './graphiql-routes';

@Module({ providers: [GraphiqlRoutes] })
export class ExplorerModule {}
