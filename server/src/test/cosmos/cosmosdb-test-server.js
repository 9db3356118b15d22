#!/usr/bin/env node
// Runs @vercel/cosmosdb-server over HTTPS for the RP's tests, patched where it breaks the Java SDK:
//   1. the SDK asks for a query plan first (x-ms-cosmos-is-query-plan-request), which the server does
//      not know: answer with a pass-through plan over its one partition key range, so the server
//      itself evaluates ORDER BY, TOP and aggregates;
//   2. queries ignore the x-ms-documentdb-partitionkey header: scope them to that partition;
//   3. reading a missing document fails with 500: answer 404;
//   4. a query the SDK sends to a partition key range (x-ms-documentdb-partitionkeyrangeid) without the
//      cross-partition header is refused for naming no partition key: the server has one range, so such a
//      query is over every partition.
// (Transactional batch and the change feed need more fixes; the RP uses neither.)
// For throttling tests, POST /_test/throttle {"count": n, "database": "d"} makes the next n document requests
// to database d answer 429 with a short x-ms-retry-after-ms, as Cosmos DB does when a partition runs out of
// request units (naming the database keeps other tests' requests to the shared server from taking them).
//
// Usage: cosmosdb-test-server.js --cert cert.pem --key key.pem [--port 0]; prints "listening <port>".
"use strict";

const fs = require("fs");
const lib = "@vercel/cosmosdb-server/lib";
const trueHeader = require(`${lib}/true-header`).default;
const partitionHeader = require(`${lib}/utils/get-partition-from-header`);
const readItems = require(`${lib}/handler/_read-items`).default;
const readJson = require(`${lib}/json`).default;
const getValue = require(`${lib}/utils/get-value`).default;

// The handlers are patched before the server module builds its routes from them.
const queryDocuments = require(`${lib}/handler/query-documents`);
const readDocument = require(`${lib}/handler/read-document`);
const serverQuery = queryDocuments.default;
const serverRead = readDocument.default;

const QUERY_PLAN = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: "None",
    top: null,
    offset: null,
    limit: null,
    orderBy: [],
    orderByExpressions: [],
    groupByExpressions: [],
    groupByAliases: [],
    aggregates: [],
    groupByAliasToAggregateType: {},
    rewrittenQuery: "",
    hasSelectValue: false,
    dCountInfo: null,
    hasNonStreamingOrderBy: false
  },
  queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }]
};

function partitionKeyOf(req) {
  const header = partitionHeader.default(req);
  if (!header || header === "[{}]") {
    return undefined;
  }
  return partitionHeader.parsePartitionKey(header, undefined);
}

queryDocuments.default = async (account, req, res, params) => {
  if (trueHeader(req, "x-ms-cosmos-is-query-plan-request")) {
    await readJson(req);
    return QUERY_PLAN;
  }
  const partitionKey = partitionKeyOf(req);
  if (partitionKey === undefined) {
    if (req.headers["x-ms-documentdb-partitionkeyrangeid"] !== undefined) {
      req.headers["x-ms-documentdb-query-enablecrosspartition"] = "true";
    }
    return serverQuery(account, req, res, params);
  }
  return readItems(req, res, "Documents", async ({ continuation, maxItemCount }) => {
    const body = await readJson(req);
    const collection = account.database(params.dbId).collection(params.collId);
    const properties = collection.read();
    if (!properties) {
      return null;
    }
    const path = properties.partitionKey.paths[0].slice(1).split("/");
    const items = collection.documents;
    const documents = [...items._data.values()].map(item => item.read()).filter(doc => getValue(path, doc) === partitionKey);
    try {
      return items._getQuery(body.query).exec(documents, {
        parameters: body.parameters,
        udf: items._userDefinedFunctions(),
        maxItemCount,
        continuation,
        compositeIndexes: (properties.indexingPolicy || {}).compositeIndexes || []
      });
    } catch (err) {
      res.statusCode = 400;
      return { code: "BadRequest", message: err.message };
    }
  });
};

readDocument.default = (account, req, res, params) => {
  const collection = account.database(params.dbId).collection(params.collId);
  if (collection.read()) {
    const partitionKey = partitionHeader.parsePartitionKey(partitionHeader.default(req), params.docId);
    if (!collection.document(params.docId, partitionKey).read()) {
      res.statusCode = 404;
      return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
    }
  }
  return serverRead(account, req, res, params);
};

const { createHttpsServer } = require("@vercel/cosmosdb-server");

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

const server = createHttpsServer({ cert: fs.readFileSync(option("--cert")), key: fs.readFileSync(option("--key")) });
const [serve] = server.listeners("request");
server.removeAllListeners("request");

let throttle = 0;
let throttled = "";
server.on("request", (req, res) => {
  if (req.method === "POST" && req.url === "/_test/throttle") {
    readJson(req).then(body => {
      throttle = body.count;
      throttled = `/dbs/${body.database}/`;
      res.statusCode = 204;
      res.end();
    });
    return;
  }
  if (throttle > 0 && req.url.startsWith(throttled) && /\/docs(\/|$)/.test(req.url)) {
    throttle -= 1;
    req.resume();
    res.writeHead(429, { "content-type": "application/json", "x-ms-retry-after-ms": "10", "x-ms-substatus": "3200" });
    res.end(JSON.stringify({ code: "TooManyRequests", message: "Request rate is large." }));
    return;
  }
  serve(req, res);
});

server.listen(Number(option("--port", "0")), "127.0.0.1", () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});
