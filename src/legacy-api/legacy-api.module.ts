import { Module } from '@nestjs/common';

/** The Kolmisoft-style XML billing API. */
@Module({})
export class LegacyApiModule {}
