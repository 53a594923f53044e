import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { IsString, Length } from 'class-validator';
import type { Socket } from 'socket.io';
import { BalanceEndpoints } from '../balance-api/balance-endpoints.js';
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

  @SubscribeMessage('balance:getTokenAction')
  getTokenAction(@ConnectedSocket() client: Socket, @MessageBody() payload: unknown) {
    return this.endpoints.answer(client, 'getTokenAction', payload, {
      dto: GetTokenActionDto,
      read: async ({ data }) => ({ actions: asSocketAction(await this.actions.get(data.action)), actionName: data.action }),
    });
  }

  @SubscribeMessage('balance:getTokenActionList')
  getTokenActionList(@ConnectedSocket() client: Socket, @MessageBody() payload: unknown) {
    return this.endpoints.answer(client, 'getTokenActionList', payload, {
      dto: null,
      read: async () => ({ actions: (await this.actions.list()).map(asSocketAction) }),
    });
  }
}
