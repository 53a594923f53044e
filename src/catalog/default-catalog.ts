import type { UserEntryType } from '../ledger/ledger.types.js';

/**
 * What an empty database starts with: the assets of the contract, quotes against the root
 * asset, a small token-action catalog and one demo room offering every plan. Operators change
 * all of it later through the backoffice.
 */
export const DEFAULT_ASSETS: ReadonlyArray<{ code: string; scale: number }> = [
  { code: 'rents', scale: 8 },
  { code: 'roomi', scale: 8 },
  { code: 'valu', scale: 8 },
  { code: 'usd', scale: 2 },
  { code: 'eur', scale: 2 },
  { code: 'btc', scale: 8 },
  { code: 'eth', scale: 18 },
  { code: 'usdt', scale: 6 },
  { code: 'xmr', scale: 12 },
];

/** Root-asset units per one unit of the asset (usd per unit by default); xmr is left unquoted. */
export const DEFAULT_QUOTES: Readonly<Record<string, string>> = {
  rents: '0.01',
  roomi: '0.05',
  valu: '0.02',
  usd: '1',
  eur: '1.08',
  btc: '65000',
  eth: '3200',
  usdt: '1',
};

export const DEFAULT_TOKEN_ACTIONS: ReadonlyArray<{
  action: string;
  type: UserEntryType;
  token: string;
  price: string;
  category: 'event' | 'product' | 'subscription';
  description: string;
}> = [
  { action: 'dailyLogin', type: 'mining', token: '10', price: '0', category: 'event', description: 'Logged in today' },
  { action: 'roomVisit', type: 'mining', token: '1', price: '0', category: 'event', description: 'Visited a room' },
  { action: 'eventHosted', type: 'mining', token: '50', price: '0', category: 'event', description: 'Hosted an event' },
  { action: 'donation', type: 'spending', token: '0', price: '0', category: 'event', description: 'Tokens given to another user' },
  { action: 'avatarOutfit', type: 'spending', token: '25', price: '0', category: 'product', description: 'Bought an avatar outfit' },
  { action: 'roomSubscription', type: 'spending', token: '0', price: '0', category: 'subscription', description: 'Paid for a room subscription' },
  { action: 'tokenPack100', type: 'buying', token: '100', price: '0.99', category: 'product', description: 'Bought 100 tokens' },
];

export const DEMO_ROOM = {
  productType: 'room',
  productId: 'demo-room',
  options: [
    { plan: 'free', price: '0' },
    { plan: 'one_time_payment', price: '100' },
    { plan: 'subscription_week', price: '5' },
    { plan: 'subscription_month', price: '15' },
    { plan: 'subscription_6_months', price: '80' },
    { plan: 'subscription_year', price: '150' },
  ],
} as const;
