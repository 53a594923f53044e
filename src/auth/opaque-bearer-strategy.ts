import type { IncomingMessage } from 'node:http';
import passport from 'passport';
import { isSessionTokenShaped } from './token-shape.js';

type Verify = (request: object, token: string, done: (error: unknown, user?: unknown) => void) => void;

/**
 * A passport strategy for an `Authorization: Bearer` credential that is not a JWT. JWTs are
 * left to passport-jwt: this strategy fails them without calling `verify`, so chained after
 * 'jwt' it never sees a token that strategy is responsible for. Its constructor takes the
 * verify callback last, as Nest's PassportStrategy mixin passes it; the callback gets the
 * request first, as passport-jwt's does with `passReqToCallback`.
 */
export class OpaqueBearerStrategy extends passport.Strategy {
  constructor(private readonly verifyToken: Verify) {
    super();
  }

  override authenticate(req: IncomingMessage): void {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match || !isSessionTokenShaped(match[1])) return this.fail(401);
    this.verifyToken(req, match[1], (error, user) => {
      if (error) this.error(error);
      else if (user) this.success(user);
      else this.fail(401);
    });
  }
}
