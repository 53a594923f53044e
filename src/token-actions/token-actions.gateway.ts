import { WebSocketGateway } from '@nestjs/websockets';
import { IsString, Length } from 'class-validator';
import { BalanceEndpoints } from '../balance-api/balance-endpoints.js';
import { BalanceEvent, type BalanceCall } from '../balance-api/balance-event.decorator.js';
import type { TokenAction } from './token-action.js';
import { TokenActionsService } from './token-actions.service.js';

export class GetTokenActionDto {
  @IsString({ message: 'action must be a string' })
  @Length(1, 64, { message: 'action must be 1 to 64 characters' })
  action!: string;
}

/** The spec's floats: the catalog keeps exact strings, the socket API speaks JSON numbers. */
const asSocketAction = (a: TokenAction) => ({
  type: a.type,
  action: a.action,
  token: Number(a.token),
  price: Number(a.price),
  category: a.category,
  description: a.description,
});

/** balance:getTokenAction, balance:getTokenActionList. */
@WebSocketGateway()
export class TokenActionsGateway {
  constructor(
    private readonly endpoints: BalanceEndpoints,
    private readonly actions: TokenActionsService,
  ) {}

  @BalanceEvent('balance:getTokenAction')
  getTokenAction(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: GetTokenActionDto,
      read: async ({ data }) => ({ actions: asSocketAction(await this.actions.get(data.action)), actionName: data.action }),
    });
  }

  @BalanceEvent('balance:getTokenActionList')
  getTokenActionList(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: null,
      read: async () => ({ actions: (await this.actions.list()).map(asSocketAction) }),
    });
  }
}
