import { useState, type FormEvent } from 'react';
import { api, BO, unwrap } from '../api';
import { BalanceCells, DataTable, ErrorBox, Pager, TotalInRoot } from '../components';
import { useLoad } from '../hooks';
import { hrefOf, pageOf, useHashState } from '../router';
import { frozenLabel } from './FreezePanel';

const PER_PAGE = 20;

/** Users by username or email, with the spec's balances table (POST /balances) for the page shown; search and page in the URL. */
export function Users() {
  const [state, setState] = useHashState({ search: '', page: '1' });
  const query = state.search;
  const page = pageOf(state.page);
  const users = useLoad(async () => {
    const found = await unwrap(api.GET(`${BO}/users`, { params: { query: { page, per_page: PER_PAGE, ...(query ? { search: query } : {}) } } }));
    const ids = found.data.map((u) => u.userId);
    const balances = ids.length === 0 ? null : await unwrap(api.POST(`${BO}/balances`, { body: { userIds: ids }, params: { query: { per_page: PER_PAGE } } }));
    const frozen = new Map(found.data.map((u) => [u.userId, frozenLabel(u.frozen)]));
    return { found, frozen, rows: balances?.data ?? [] };
  }, [query, page]);

  const frozenOf = users.data?.frozen;


  return (
    <>
      <h1>Users</h1>
      <SearchForm key={query} initial={query} onSearch={(search) => setState({ search, page: '1' })} />
      <ErrorBox error={users.error} />
      {!users.data && !users.error ? <p aria-busy="true">Loading users…</p> : null}
      {users.data ? (
        <>
          <DataTable
            busy={users.loading}
            testId="users"
            head={
              <>
                <th>User</th>
                <th>Email</th>
                <th>Status</th>
                <th>Asset</th>
                <th className="num">Amount</th>
                <th className="num">Locked</th>
                <th className="num">Available</th>
                <th className="num">Value in root asset</th>
                <th className="num">Total</th>
              </>
            }
          >
            {users.data.rows.map((row) => {
              if ('error' in row) {
                return (
                  <tr key={row.userId}>
                    <td>{row.userId}</td>
                    <td colSpan={8} className="error">
                      {row.error}
                    </td>
                  </tr>
                );
              }
              const [first, ...rest] = row.balances;
              const lines = Math.max(1, row.balances.length);
              const status = frozenOf?.get(row.userId);
              return [
                <tr key={row.userId} data-user={row.userId}>
                  <td rowSpan={lines}>
                    <a href={hrefOf('users', row.userId)}>
                      {row.userName ?? row.userId}
                      {row.userName && row.userName !== row.userId ? <small className="muted"> ({row.userId})</small> : null}
                    </a>
                  </td>
                  <td rowSpan={lines}>{row.userEmail ?? ''}</td>
                  <td rowSpan={lines} data-testid="user-status">
                    {status ? <mark className="badge">{status}</mark> : 'active'}
                  </td>
                  <BalanceCells balance={first} rootAsset={row.rootAsset} />
                  <td rowSpan={lines} className="num">
                    <TotalInRoot total={row.totalFundsInRootAsset} rootAsset={row.rootAsset} unquoted={row.balances.filter((b) => b.fundsInRootAsset === undefined).map((b) => b.asset)} />{' '}
                    {row.totalFundsInRootAsset !== undefined ? row.rootAsset : null}
                  </td>
                </tr>,
                ...rest.map((b) => (
                  <tr key={`${row.userId}/${b.asset}`}>
                    <BalanceCells balance={b} rootAsset={row.rootAsset} />
                  </tr>
                )),
              ];
            })}
          </DataTable>
          {users.data.rows.length === 0 ? <p>No users found.</p> : null}
          <Pager label="Users" page={users.data.found.paging.page} perPage={PER_PAGE} total={users.data.found.paging.total} loading={users.loading} onPage={(p) => setState({ page: String(p) })} />
        </>
      ) : null}
    </>
  );
}

/** The search box, started from the URL's search (keyed by it, so Back puts the old words back). */
function SearchForm({ initial, onSearch }: { initial: string; onSearch: (search: string) => void }) {
  const [search, setSearch] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(search.trim());
  };
  return (
    <form role="search" onSubmit={submit}>
      <label htmlFor="user-search">Search by username or email</label>
      <fieldset role="group">
        <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="alice or @example.com" />
        <button type="submit">Search</button>
      </fieldset>
    </form>
  );
}
