# JFR execution samples (jfr print --events jdk.ExecutionSample --stack-depth 96) by layer: each sample goes to the
# layer of its innermost frame that belongs to one (self time by layer), ms = the JVM's CPU ms per request, which
# the shares are scaled to. A few boundaries are also given inclusively (everything under them).
BEGIN {
  n = split("pgjdbc=org\\.postgresql\\.;" \
    "hikari=com\\.zaxxer\\.hikari\\.;" \
    "tenancy+proxies=io\\.edumatrix\\.platform\\.tenancy\\.|jdk\\.proxy[0-9]*\\.;" \
    "spring-data/jdbc=org\\.springframework\\.(data|jdbc)\\.;" \
    "transactions=org\\.springframework\\.transaction\\.;" \
    "request-ids=com\\.fasterxml\\.uuid\\.|io\\.edumatrix\\.platform\\.Ids\\.;" \
    "jackson=tools\\.jackson\\.|com\\.fasterxml\\.jackson\\.;" \
    "conflict-retry=ConflictRetry|org\\.springframework\\.core\\.retry\\.;" \
    "method-security=org\\.springframework\\.security\\.(authorization|access)\\.|org\\.springframework\\.expression\\.;" \
    "token-verify=VerifiedTokens|org\\.springframework\\.security\\.oauth2\\.(jwt|core)\\.|com\\.nimbusds\\.|CallerAuthenticationConverter|platform\\.security\\.Callers|RevokedSessions|ErasedAccounts|JwtAuthenticationProvider|JwtAuthenticationConverter|JwtGrantedAuthoritiesConverter;" \
    "bearer-resolve=BearerTokenResolver|BearerTokens|BearerTokenAuthenticationConverter;" \
    "firewall=org\\.springframework\\.security\\.web\\.firewall\\.|HeaderText;" \
    "security-other=org\\.springframework\\.security\\.;" \
    "tenant-filter=TenantContextFilter|platform\\.tenancy\\.TenantContext|org\\.slf4j\\.|ch\\.qos\\.logback\\.;" \
    "observation=io\\.micrometer\\.|org\\.springframework\\.http\\.server\\.observation\\.|io\\.edumatrix\\.platform\\.observability\\.|ServerHttpObservationFilter;" \
    "handler-mapping=org\\.springframework\\.web\\.servlet\\.handler\\.|org\\.springframework\\.web\\.servlet\\.mvc\\.condition\\.|RequestMappingInfo|org\\.springframework\\.web\\.cors\\.|org\\.springframework\\.web\\.util\\.pattern\\.;" \
    "mvc-other=org\\.springframework\\.web\\.|org\\.springframework\\.http\\.|org\\.springframework\\.validation\\.|org\\.hibernate\\.validator\\.;" \
    "edumatrix-other=io\\.edumatrix\\.;" \
    "spring-core/aop=org\\.springframework\\.;" \
    "tomcat/servlet=org\\.apache\\.|jakarta\\.servlet\\.", spec, ";")
  for (i = 1; i <= n; i++) { eq = index(spec[i], "="); name[i] = substr(spec[i], 1, eq - 1); pat[i] = substr(spec[i], eq + 1) }
  layers = n
  m = split("handler lookup=lookupHandlerMethod;security filter chain=FilterChainProxy\\.doFilterInternal;bearer token resolving=BearerTokenResolver\\.resolve|BearerTokens\\.resolve;firewall=security\\.web\\.firewall\\.;observation=io\\.micrometer\\.", ispec, ";")
  for (i = 1; i <= m; i++) { eq = index(ispec[i], "="); iname[i] = substr(ispec[i], 1, eq - 1); ipat[i] = substr(ispec[i], eq + 1) }
}
/stackTrace = \[/ { inside = 1; layer = ""; delete ihit; next }
inside && /^[ \t]*\]/ {
  total++; self[layer == "" ? "jdk/other" : layer]++
  for (i in ihit) incl[i]++
  inside = 0; next
}
inside {
  if (layer == "") for (i = 1; i <= layers; i++) if ($0 ~ pat[i]) { layer = name[i]; break }
  for (i = 1; i <= m; i++) if (!(i in ihit) && $0 ~ ipat[i]) ihit[i] = 1
}
END {
  printf "%-22s %7s %9s   (self time by layer, %d samples)\n", "layer", "share", "ms/req", total
  for (l in self) printf "%-22s %6.1f%% %9.4f\n", l, 100 * self[l] / total, ms * self[l] / total | "sort -k2 -rn"
  close("sort -k2 -rn")
  for (i = 1; i <= m; i++) printf "incl. %-16s %6.1f%% %9.4f\n", iname[i], 100 * incl[i] / total, ms * incl[i] / total
}
