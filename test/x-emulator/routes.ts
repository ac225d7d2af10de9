// Route table: which handler, which rate-limit bucket, which scopes, for each request.
export interface RouteInfo {
  name: string;
  bucket: 'upload' | 'status' | 'subtitles' | 'posts' | 'metadata' | 'timeline' | 'other';
  scopes: string[];
  dialect: 'v2' | 'v1.1' | 'other';
  /** Path parameter: the media id for v2 append/finalize, the user id for a user's posts. */
  id?: string;
}

const MEDIA = ['media.write'];
const POSTS = ['tweet.read', 'tweet.write', 'users.read'];

export function routeFor(
  method: string,
  pathname: string,
  query: URLSearchParams,
  formCommand?: string,
): RouteInfo | null {
  if (pathname === '/2/media/upload/initialize' && method === 'POST')
    return { name: 'v2.initialize', bucket: 'upload', scopes: MEDIA, dialect: 'v2' };
  const m = /^\/2\/media\/upload\/([^/]+)\/(append|finalize)$/.exec(pathname);
  if (m && method === 'POST')
    return {
      name: `v2.${m[2] ?? ''}`,
      bucket: 'upload',
      scopes: MEDIA,
      dialect: 'v2',
      id: decodeURIComponent(m[1] ?? ''),
    };
  if (pathname === '/2/media/upload' && method === 'GET')
    return { name: 'v2.status', bucket: 'status', scopes: MEDIA, dialect: 'v2' };
  if (pathname === '/2/media/upload' && method === 'POST')
    return { name: 'v2.upload', bucket: 'upload', scopes: MEDIA, dialect: 'v2' };
  if (pathname === '/2/media/subtitles' && method === 'POST')
    return { name: 'v2.subtitles.create', bucket: 'subtitles', scopes: MEDIA, dialect: 'v2' };
  if (pathname === '/2/media/subtitles' && method === 'DELETE')
    return { name: 'v2.subtitles.delete', bucket: 'subtitles', scopes: MEDIA, dialect: 'v2' };
  if (pathname === '/2/media/metadata' && method === 'POST')
    return { name: 'v2.metadata', bucket: 'metadata', scopes: MEDIA, dialect: 'v2' };
  const u = /^\/2\/users\/([^/]+)\/tweets$/.exec(pathname);
  if (u && method === 'GET')
    return {
      name: 'v2.users.tweets',
      bucket: 'timeline',
      scopes: ['tweet.read', 'users.read'],
      dialect: 'v2',
      id: decodeURIComponent(u[1] ?? ''),
    };
  if (pathname === '/2/tweets' && method === 'POST')
    return { name: 'v2.tweets.create', bucket: 'posts', scopes: POSTS, dialect: 'v2' };
  if (pathname === '/1.1/media/upload.json') {
    const command = query.get('command') ?? formCommand ?? '';
    return {
      name: `v1.${command || 'unknown'}`,
      bucket: command === 'STATUS' ? 'status' : 'upload',
      scopes: MEDIA,
      dialect: 'v1.1',
    };
  }
  if (pathname === '/1.1/media/subtitles/create.json' && method === 'POST')
    return { name: 'v1.subtitles.create', bucket: 'subtitles', scopes: MEDIA, dialect: 'v1.1' };
  if (pathname === '/1.1/media/subtitles/delete.json' && method === 'POST')
    return { name: 'v1.subtitles.delete', bucket: 'subtitles', scopes: MEDIA, dialect: 'v1.1' };
  return null;
}
