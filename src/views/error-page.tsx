import type { ViewContext } from './context.js';
import { Layout } from './layout.js';

/** The page shown for an error that has no form to return to. */
export function ErrorPage({ ctx, status, message }: { ctx: ViewContext; status: number; message: string }) {
  const title = ctx.t('error.page_title', { status });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{message}</p>
      <p>
        <a href="/">{ctx.t('error.back_home')}</a>
      </p>
    </Layout>
  );
}
