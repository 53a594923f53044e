import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const FREEZE_SCOPES = ['all', 'debits'] as const;

export class FreezeDto {
  @ApiProperty({ enum: FREEZE_SCOPES, description: '`debits`: nothing the user does may take money out; `all`: no money may leave or arrive by the user\'s own movements', example: 'debits' })
  @IsIn(FREEZE_SCOPES, { message: `scope must be one of ${FREEZE_SCOPES.join(', ')}` })
  scope!: (typeof FREEZE_SCOPES)[number];

  @ApiProperty({ description: 'Why; shown with the freeze', minLength: 1, maxLength: 1000, example: 'Chargeback investigation #5521' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export const FREEZE_EXAMPLE = {
  scope: 'debits',
  reason: 'Chargeback investigation #5521',
  since: '2025-03-01T12:00:00.000Z',
  by: '5b1f0c9e-2a7d-4c11-8e0a-9d3f7b6a1c42',
};

export const USER_FREEZE_EXAMPLE = { userId: '68e057fe-0aec-03db-20f8-5f811abf7da6', frozen: FREEZE_EXAMPLE };
