#pragma once

#include "db/TableInfo.h"
#include "profile/GenerationContext.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <vector>

// The columns of a row the local engine fills better than a model: foreign keys (an existing
// parent key, whole for composite keys), integer unique keys (after the largest) and UUIDs.
// They are left out of the request — the model writes only what needs understanding, the
// answer is shorter, and nothing about parent keys or existing keys leaves the computer —
// and written into each answered row before it is checked.
class EngineColumns
{
public:
    static constexpr int ParentSample = 1000;

    EngineColumns(QSqlDatabase &db, const GenerationContext &context, QRandomGenerator &random);
    const QStringList &names() const { return m_names; }
    void fill(QJsonObject &row);
    void clear()
    {
        m_names.clear();
        m_parents.clear();
        m_next.clear();
        m_uuids.clear();
    }

private:
    struct ParentKey
    {
        QStringList columns;
        QList<QJsonArray> keys; // values in `columns` order
    };
    QStringList m_names;
    std::vector<ParentKey> m_parents;
    QHash<QString, qint64> m_next; // integer keys: the next value
    QHash<QString, bool> m_uuids;  // UUID columns: upper-case?
    QRandomGenerator &m_random;
};
