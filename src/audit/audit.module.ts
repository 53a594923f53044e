import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.service.js';

/** Global: every surface and feature that changes something on an operator's behalf records it. */
@Global()
@Module({ providers: [AuditTrail], exports: [AuditTrail] })
export class AuditModule {}
