import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RealtimeModule } from '../realtime/realtime.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [TerminusModule, RealtimeModule], controllers: [HealthController] })
export class HealthModule {}
