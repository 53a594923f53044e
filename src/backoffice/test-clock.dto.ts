import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class AdvanceClockDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 * 365 * 86_400, example: 86_400, description: 'Seconds to move the clock forward' })
  @IsInt({ message: 'seconds must be a whole number' })
  @Min(0, { message: 'seconds must not be negative' })
  @Max(100 * 365 * 86_400, { message: 'seconds must be at most 100 years' })
  seconds!: number;
}
