import { ArgumentsHost, ExceptionFilter, HttpException } from '@nestjs/common';
import { answerWithRouteFilter, registerRouteErrorFilter, routeErrorFilterFor } from './route-error-filters';

class Recording implements ExceptionFilter {
  readonly seen: { exception: unknown; url: string }[] = [];
  catch(exception: unknown, host: ArgumentsHost): void {
    this.seen.push({ exception, url: host.switchToHttp().getRequest<{ url: string }>().url });
  }
}

describe('route error filters', () => {
  const filter = new Recording();
  registerRouteErrorFilter('/spec-api/v1/', filter);

  it('matches the prefix itself and paths below it, with or without a query, and nothing else', () => {
    expect(routeErrorFilterFor('/spec-api/v1')).toBe(filter);
    expect(routeErrorFilterFor('/spec-api/v1/things?limit=2')).toBe(filter);
    expect(routeErrorFilterFor('/spec-api/v10/things')).toBeUndefined();
    expect(routeErrorFilterFor('/graphql')).toBeUndefined();
  });

  it("hands a server's client error to the filter as an HttpException, and leaves other paths alone", () => {
    const refused = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 });
    expect(answerWithRouteFilter(refused, { url: '/spec-api/v1/things' }, {})).toBe(true);
    const { exception, url } = filter.seen[0];
    expect(url).toBe('/spec-api/v1/things');
    expect(exception).toBeInstanceOf(HttpException);
    expect((exception as HttpException).getStatus()).toBe(400);
    expect(answerWithRouteFilter(refused, { url: '/other' }, {})).toBe(false);
    expect(filter.seen).toHaveLength(1);
  });

  it('passes a server fault through unchanged', () => {
    const fault = Object.assign(new Error('handler timeout'), { statusCode: 503 });
    answerWithRouteFilter(fault, { url: '/spec-api/v1' }, {});
    expect(filter.seen[1].exception).toBe(fault);
  });
});
