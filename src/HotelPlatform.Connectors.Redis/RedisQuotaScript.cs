namespace HotelPlatform.Connectors.Redis;

/// <summary>
/// The one Lua script every host runs to take a permit of an account's quota; Redis runs a script atomically, so hosts
/// never both take the last permit. It answers <c>{1, 0}</c> (admitted, counted) or <c>{0, wait in ms}</c> (refused,
/// nothing counted; the wait is exact: when the window or the bucket admits a call of this lane again).
/// </summary>
/// <remarks>
/// KEYS[1] the account's key. ARGV: [1] now in Unix ms, or -1 to read the server's <c>TIME</c>; [2] <c>sliding</c> or
/// <c>bucket</c>; [3] the window's limit or the bucket's burst; [4] the window or the period in ms; [5] the permits per
/// period (bucket); [6] the permits kept for interactive calls; [7] the lane (<c>bulk</c> or <c>interactive</c>);
/// [8] a unique member id (sliding). The sliding log drops entries at <c>score &lt;= now - window</c>, the same instant
/// a vendor that counts "the last 30 seconds" forgets them. The bucket is GCRA: one stored value, the theoretical
/// arrival time, advanced by period/permits per call and allowed to run ahead of now by at most burst × that step.
/// </remarks>
internal static class RedisQuotaScript
{
    public const string Text = """
        local key = KEYS[1]
        local now = tonumber(ARGV[1])
        if now < 0 then
          local t = redis.call('TIME')
          now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        end
        local reserve = 0
        if ARGV[7] == 'bulk' then reserve = tonumber(ARGV[6]) end
        if ARGV[2] == 'sliding' then
          local limit = tonumber(ARGV[3])
          local window = tonumber(ARGV[4])
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
          local count = redis.call('ZCARD', key)
          local cap = limit - reserve
          if count < cap then
            redis.call('ZADD', key, now, ARGV[8])
            redis.call('PEXPIRE', key, window)
            return {1, 0}
          end
          local leaving = redis.call('ZRANGE', key, count - cap, count - cap, 'WITHSCORES')
          return {0, tonumber(leaving[2]) + window - now}
        end
        local burst = tonumber(ARGV[3])
        local step = tonumber(ARGV[4]) / tonumber(ARGV[5])
        local tat = tonumber(redis.call('GET', key))
        if tat == nil or tat < now then tat = now end
        local next_tat = tat + step
        local allow_at = next_tat - (burst - reserve) * step
        if allow_at <= now then
          redis.call('SET', key, string.format('%.3f', next_tat), 'PX', math.ceil(next_tat - now) + 1000)
          return {1, 0}
        end
        return {0, math.ceil(allow_at - now)}
        """;
}
