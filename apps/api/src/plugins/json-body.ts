import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { invalidField } from '../lib/app-error';

/** The deepest nesting of arrays and objects a request body may have; no route's body comes near it. */
export const MAX_BODY_DEPTH = 32;

/**
 * How deep the body's arrays and objects nest, counted in one pass over the text before it is parsed, stopping as
 * soon as it passes `limit`: a body nested 100,000 deep would otherwise be parsed and then walked recursively (the
 * text rule, the schemas), which overflows the stack. Strings are skipped with `indexOf` rather than walked a
 * character at a time: an import's file is one string of several megabytes, and walking it held the event loop for
 * over 100 ms.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // The closing quote: the next one not escaped, i.e. not after an odd number of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        // An unterminated string: the parser refuses it.
        if (end === -1) return false;
        let backslashes = 0;
        while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * Request bodies are JSON and nothing else. Fastify also parses text/plain by default, which a form on another site
 * can send without the browser asking first; without that parser such a body is a 415 on every route.
 */
export const jsonBodyPlugin = fp(async (app: FastifyInstance) => {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = raw as string;
    if (nestsDeeperThan(body, MAX_BODY_DEPTH)) {
      done(
        invalidField('body', `is nested too deeply (arrays and objects at most ${MAX_BODY_DEPTH} levels deep)`),
        undefined,
      );
      return;
    }
    parseJson(request, body, done);
  });
});
