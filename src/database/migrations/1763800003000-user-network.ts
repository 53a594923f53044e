import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network each user last authenticated with (its token's `network` claim), so that a
 * network-admin can be held to the users of its own network. NULL: no claim, which means
 * NETWORK_ID as configured when it is read (users seen before this column existed included).
 */
export class UserNetwork1763800003000 implements MigrationInterface {
  name = 'UserNetwork1763800003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users ADD COLUMN network varchar(128)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP COLUMN network');
  }
}
