import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { JwtAuthGuard } from './auth.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { TokenVerifier } from './token-verifier.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [PassportModule],
  providers: [JwtStrategy, TokenVerifier, UsersService, { provide: APP_GUARD, useClass: JwtAuthGuard }],
  exports: [TokenVerifier, UsersService],
})
export class AuthModule {}
