// A local SMS gateway for the end-to-end tests: answers like an HTTP SMS gateway
// (POST /sms with a bearer token and JSON {to, message, reference}) and records what it
// received, for the tests to read at GET /received. Never for production.
//
//   node end2end/sms/gateway-stub.mjs <port> <token>
import http from 'node:http';

const port = Number(process.argv[2] ?? 8097);
const token = process.argv[3] ?? 'test-sms-token';
const received = [];

http.createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/received') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(received));
  }
  if (req.method === 'POST' && req.url === '/sms') {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401);
      return res.end();
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    received.push(JSON.parse(body));
    res.writeHead(202);
    return res.end();
  }
  res.writeHead(404);
  res.end();
}).listen(port, '127.0.0.1', () => console.log(`SMS gateway stub on ${port}`));
