// Hands every exception of a GraphQL resolver, unchanged, to the one error formatter
// (which logs what it hides). Without it Nest's default handler logs expected AppErrors
// (a wrong password, a missing token) as server errors.

import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    return exception;
  }
}
