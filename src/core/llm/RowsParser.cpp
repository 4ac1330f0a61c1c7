#include "RowsParser.h"

#include "util/RowforgeError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

QList<QJsonObject> RowsParser::fromJson(const QJsonValue &value, bool *ok)
{
    QJsonArray array;
    if (value.isObject() && value.toObject().value(QLatin1String("rows")).isArray())
        array = value.toObject().value(QLatin1String("rows")).toArray();
    else if (value.isArray())
        array = value.toArray();
    else if (value.isObject() && !value.toObject().isEmpty()) {
        // Some models answer {"data": [...]} or similar: take the only array member.
        const QJsonObject object = value.toObject();
        int arrays = 0;
        for (const QJsonValue &member : object) {
            if (member.isArray()) {
                array = member.toArray();
                ++arrays;
            }
        }
        if (arrays != 1) {
            *ok = false;
            return {};
        }
    } else {
        *ok = false;
        return {};
    }
    QList<QJsonObject> rows;
    for (const QJsonValue &row : array) {
        if (!row.isObject()) {
            *ok = false;
            return {};
        }
        rows << row.toObject();
    }
    *ok = true;
    return rows;
}

namespace {
// Where JSON may hide in a model's text: code fences, the whole text, or from the first
// { or [ to the last } or ] (prose around it).
QList<QJsonDocument> jsonCandidates(const QString &text)
{
    QStringList candidates;
    static const QRegularExpression fence(
        QStringLiteral("```(?:json|JSON)?\\s*\\n?([\\s\\S]*?)```"));
    for (auto it = fence.globalMatch(text); it.hasNext();)
        candidates << it.next().captured(1);
    candidates << text.trimmed();
    const qsizetype open = text.indexOf(QRegularExpression(QStringLiteral("[\\[{]")));
    const qsizetype close = text.lastIndexOf(QRegularExpression(QStringLiteral("[\\]}]")));
    if (open >= 0 && close > open)
        candidates << text.mid(open, close - open + 1);
    QList<QJsonDocument> documents;
    for (const QString &candidate : candidates) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(candidate.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError)
            documents << document;
    }
    return documents;
}
} // namespace

QList<QJsonObject> RowsParser::parse(const QString &text)
{
    for (const QJsonDocument &document : jsonCandidates(text)) {
        bool ok = false;
        const QList<QJsonObject> rows = fromJson(
            document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), &ok);
        if (ok)
            return rows;
    }
    throw RowforgeError(QStringLiteral("the answer holds no JSON rows (it begins: \"%1\")")
                            .arg(text.left(80).simplified()));
}

QList<QJsonObject> RowsParser::completeRows(const QString &text)
{
    // {"rows":[{...},{...},{"na   — read object after object, stopping at the first that
    // does not close. Braces inside strings do not count.
    QList<QJsonObject> rows;
    const qsizetype array = text.indexOf(u'[');
    if (array < 0)
        return rows;
    int depth = 0;
    bool inString = false, escaped = false;
    qsizetype start = -1;
    for (qsizetype i = array + 1; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'{') {
            if (depth++ == 0)
                start = i;
        } else if (c == u'}' && depth > 0 && --depth == 0) {
            const QJsonDocument row =
                QJsonDocument::fromJson(text.mid(start, i - start + 1).toUtf8());
            if (row.isObject())
                rows << row.object();
        } else if (c == u']' && depth == 0) {
            break;
        }
    }
    return rows;
}

QJsonObject RowsParser::parseObject(const QString &text)
{
    for (const QJsonDocument &document : jsonCandidates(text)) {
        if (document.isObject())
            return document.object();
    }
    throw RowforgeError(QStringLiteral("the answer holds no JSON object (it begins: \"%1\")")
                            .arg(text.left(80).simplified()));
}
