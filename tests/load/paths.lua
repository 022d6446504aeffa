-- wrk script: every request takes the next path of the list, so the load covers the
-- page types, the style sheet, the search index and a missing page.
local paths = {
  "/", "/people/", "/people/delcy-rodriguez/", "/timeline/", "/compare/",
  "/articles/", "/outlets/", "/search/", "/report/", "/style.css",
  "/search/index.json", "/data/people.json", "/feed.xml", "/sitemap.xml",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
