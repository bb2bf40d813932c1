import Foundation
import Hummingbird
import ReviseCore
import ReviseStore

/// Today (the home page) and the stats: what is due, the streak, the forecast and how well things are remembered.
extension Site {
    struct TodayReport: Encodable {
        var today: ReviseStore.Today
        /// Cards due on each of the next 30 days (day 0 is today, with what is overdue).
        var forecast: [Int]
        var retentionByWeek: [ReviseStore.WeekRetention]
        var sources: Int
    }

    func todayReport() throws -> TodayReport {
        let now = self.now
        let dayStart = StudyDay.start(of: now)
        let today = try store.today(at: now, newPerDay: options.newPerDay, dayStart: dayStart)
        let stats = try store.studyStats(dayStart: dayStart)
        return TodayReport(
            today: today, forecast: stats.forecast, retentionByWeek: try store.retentionByWeek(weeks: 12, dayStart: dayStart),
            sources: try store.sources().count)
    }

    /// The chart, or what it will show once there is something to show.
    static func retentionPanel(_ weeks: [ReviseStore.WeekRetention]) -> HTML {
        guard weeks.contains(where: { $0.reviews > 0 }) else {
            return """
                <h2>True retention by week</h2>
                <p class="empty">Shown once cards you have learnt come back for review: the share you still remember.</p>
                """
        }
        return HTML(raw: retentionChart(weeks))
    }

    static func retentionChart(_ weeks: [ReviseStore.WeekRetention]) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_GB")
        f.dateFormat = "d MMM"
        var labels: [Int: String] = [:]
        for i in stride(from: 0, to: weeks.count, by: 3) { labels[i] = f.string(from: weeks[i].start) }
        labels[weeks.count - 1] = "this week"
        return BarChart(
            title: "True retention by week (% remembered)", values: weeks.map { Int((($0.retention ?? 0) * 100).rounded()) },
            labels: labels, colour: "#2f9e6e"
        ).svg(width: 560, height: 220)
    }

    static func forecastChart(_ forecast: [Int]) -> String {
        BarChart(title: "Cards due, next 30 days", values: forecast, labels: [0: "today", 7: "+7", 14: "+14", 21: "+21", 29: "+29"])
            .svg(width: 560, height: 220)
    }

    func todayPage(context: ReviseContext) throws -> Response {
        let report = try todayReport()
        let t = report.today
        let toStudy = t.dueNow + t.newLeft
        let forgotten = t.forgotten.map { item -> HTML in
            "<li><span class=\"topic\">\(item.topic.isEmpty ? "Other" : item.topic)</span> <span class=\"meta\">forgotten \(item.count) \(item.count == 1 ? "time" : "times")</span></li>"
        }
        let body: HTML = """
            <section class="hero">
              <div class="hero-main">
                <h1>\(toStudy == 0 ? "Nothing due right now" : "\(toStudy) \(toStudy == 1 ? "card" : "cards") to study")</h1>
                <p class="lead">\(t.dueNow) due now · \(t.dueLaterToday) later today · \(t.newLeft) new left today</p>
                <a class="button primary big" href="/study" id="study-button">Study\(toStudy > 0 ? HTML(" (\(toStudy))") : "")</a>
              </div>
              <dl class="tiles">
                <div><dt>Streak</dt><dd>\(t.streak) \(t.streak == 1 ? "day" : "days")</dd></div>
                <div><dt>Reviewed today</dt><dd>\(t.reviewedToday)</dd></div>
                <div><dt>In review</dt><dd>\(t.counts.review)</dd></div>
                <div><dt>Not yet seen</dt><dd>\(t.counts.new)</dd></div>
              </dl>
            </section>
            <div class="grid-2">
              <section class="panel chart">\(HTML(raw: Self.forecastChart(report.forecast)))</section>
              <section class="panel chart">\(Self.retentionPanel(report.retentionByWeek))</section>
            </div>
            <div class="grid-2">
              <section class="panel">
                <h2>Most forgotten topics</h2>
                \(forgotten.isEmpty ? HTML("<p class=\"empty\">Nothing forgotten yet.</p>") : HTML("<ol class=\"topics\">\(forgotten)</ol>"))
              </section>
              <section class="panel">
                <h2>Your notes</h2>
                <p>\(report.sources) \(report.sources == 1 ? "file" : "files") · \(t.counts.new + t.counts.learning + t.counts.review) cards\(t.counts.suspended > 0 ? HTML(" · \(t.counts.suspended) suspended") : "")</p>
                <p><a href="/import">Import more notes</a> · <a href="/timeline">Timeline</a> · <a href="/conflicts">Where sources disagree</a></p>
              </section>
            </div>
            """
        return Responses.html(layout(title: "Today", active: "/", context: context, body: body))
    }

    struct StatsReport: Encodable {
        var counts: ReviseStore.CardCounts
        /// Reviews on each of the last 182 days, oldest first.
        var reviewsPerDay: [Int]
        var firstDay: Date
        var retentionByWeek: [ReviseStore.WeekRetention]
        var intervals: [ReviseStore.IntervalBucket]
    }

    func statsReport() throws -> StatsReport {
        let dayStart = StudyDay.start(of: now)
        let days = 182
        return StatsReport(
            counts: try store.cardCounts(), reviewsPerDay: try store.reviewsPerDay(days: days, dayStart: dayStart),
            firstDay: Calendar.current.date(byAdding: .day, value: -(days - 1), to: dayStart) ?? dayStart,
            retentionByWeek: try store.retentionByWeek(weeks: 12, dayStart: dayStart),
            intervals: try store.intervalDistribution())
    }

    func statsPage(context: ReviseContext) throws -> Response {
        let report = try statsReport()
        let heatmap = Heatmap(firstDay: report.firstDay, counts: report.reviewsPerDay).svg()
        let intervals = BarChart(
            title: "Cards in review by interval", values: report.intervals.map(\.cards),
            labels: Dictionary(uniqueKeysWithValues: report.intervals.enumerated().map { ($0.offset, $0.element.label) }),
            colour: "#8a5cc2"
        ).svg(width: 560, height: 220)
        let c = report.counts
        let total = report.reviewsPerDay.reduce(0, +)
        let body: HTML = """
            <section class="panel">
              <h1>Stats</h1>
              <dl class="tiles">
                <div><dt>New</dt><dd>\(c.new)</dd></div><div><dt>Learning</dt><dd>\(c.learning)</dd></div>
                <div><dt>Review</dt><dd>\(c.review)</dd></div><div><dt>Suspended</dt><dd>\(c.suspended)</dd></div>
              </dl>
            </section>
            <section class="panel chart">
              <h2>Reviews per day</h2>
              <p class="lead">\(total) \(total == 1 ? "review" : "reviews") in the last 26 weeks.</p>
              <div class="chart-scroll">\(HTML(raw: heatmap))</div>
            </section>
            <div class="grid-2">
              <section class="panel chart">\(Self.retentionPanel(report.retentionByWeek))</section>
              <section class="panel chart">\(report.intervals.contains { $0.cards > 0 } ? HTML(raw: intervals) : HTML("<h2>Cards in review by interval</h2><p class=\"empty\">Shown once cards have left learning: how long each waits before it comes back.</p>"))</section>
            </div>
            """
        return Responses.html(layout(title: "Stats", active: "/stats", context: context, body: body))
    }
}
