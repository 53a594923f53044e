import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthFailures } from './auth-failures.js';
import { JwtAuthGuard } from './auth.guard.js';
import { IntrospectionStrategy } from './introspection.strategy.js';
import { JwtKeys } from './jwt-keys.js';
import { JwtStrategy } from './jwt.strategy.js';
import { SessionIntrospection } from './session-introspection.js';
import { TokenVerifier } from './token-verifier.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [PassportModule],
  providers: [AuthFailures, JwtKeys, JwtStrategy, IntrospectionStrategy, SessionIntrospection, TokenVerifier, UsersService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [AuthFailures, TokenVerifier, UsersService],
})
export class AuthModule {}
