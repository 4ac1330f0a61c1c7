#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <functional>

// A real HTTP/1.1 server on 127.0.0.1 (random port) that answers LLM API requests with
// scripted responses, in order, and records every request for the test to inspect.
class MockLlmServer : public QObject
{
    Q_OBJECT
public:
    struct Response
    {
        enum Action { Respond, Hang, Drop };
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        Action action = Respond;
        // Streamed answers (the request asked "stream": true) send a chunk this often, as a
        // slow local model does.
        int chunkDelayMs = 0;
        // Streamed answers stop half-way with this error event (e.g. "overloaded_error",
        // "server_error"), as a service does when it fails after the 200.
        QString midStreamError = {};
        // The tool input as the model wrote it, keys in its order (Anthropic streams it as
        // text); empty: the body's input, re-serialized.
        QByteArray toolInputText = {};
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QJsonObject json() const;
    };

    MockLlmServer();
    QString baseUrl() const;
    void enqueue(const Response &response);
    // When no scripted response is left, answer as a model would: as many rows as the prompt
    // asks for ("Generate N new rows"), made by `maker` (called with a running index), in the
    // provider's format of the request.
    void setRowMaker(std::function<QJsonObject(int index)> maker) { m_rowMaker = std::move(maker); }
    // When no scripted response is left, answer as a schema-true model would: rows whose
    // values are of the row schema's types, formats and enums, in its order (SchemaAnswer).
    void answerFromSchema() { m_fromSchema = true; }
    // A local server's context window (tokens, about 4 characters each): requests whose prompt
    // and max_tokens do not fit are counted, as Ollama would silently cut their start.
    // GET {base}/v1/models answers with these, as OpenAI, Anthropic and local servers do.
    void setModels(const QStringList &models) { m_models = models; }
    void setContextWindow(int tokens) { m_contextWindow = tokens; }
    int contextOverflows() const { return m_contextOverflows; }
    const QList<Request> &requests() const { return m_requests; }

    // Successful answers in each provider's format.
    static Response openAiRows(const QJsonArray &rows,
                               const QString &finishReason = QStringLiteral("stop"));
    static Response openAiText(const QString &content,
                               const QString &finishReason = QStringLiteral("stop"));
    static Response anthropicRows(const QJsonArray &rows,
                                  const QString &stopReason = QStringLiteral("tool_use"));
    static Response error(int status, const QByteArray &json,
                          QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    void onReadyRead(QTcpSocket *socket);

    Response answerAsked(const Request &request);
    void stream(QTcpSocket *socket, const Response &response);
    void streamAnthropic(QTcpSocket *socket, const Response &response, const Request &request);
    static void sendEvents(QTcpSocket *socket, const QList<QByteArray> &events, int delayMs);
    void checkContext(const Request &request);

    QTcpServer m_server;
    std::function<QJsonObject(int)> m_rowMaker;
    int m_made = 0;
    bool m_fromSchema = false;
    QStringList m_models;
    int m_contextWindow = 0;
    int m_contextOverflows = 0;
    QList<Response> m_script;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
