import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useDashboardTokenExchange } from '../../api/dashboard.ts';

/**
 * Handles a `?token=` dashboard link: sends the token to the BFF (which answers with an httpOnly
 * cookie), then takes it out of the address bar with a history replace, so it is neither left on
 * screen nor kept in the browser history. `pending` holds until that is done.
 */
export function useTokenExchange(): { pending: boolean; error: unknown } {
  const [params, setParams] = useSearchParams();
  const token = params.get('token');
  const { mutate, isPending, error } = useDashboardTokenExchange();
  // One exchange per token, also when React runs effects twice (StrictMode).
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token, {
      onSettled: () =>
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            next.delete('token');
            return next;
          },
          { replace: true },
        ),
    });
  }, [token, mutate, setParams]);

  return { pending: token !== null || isPending, error };
}
